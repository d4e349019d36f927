#!/usr/bin/env bash
# Lays out a Fiji installation tree for TomoPick: target/fiji/plugins/TomoPick_-<version>.jar and target/fiji/jars/
# with the third-party jars TomoPick needs that Fiji does not ship. Copy (or rsync) target/fiji/ over Fiji.app/,
# or upload it as an ImageJ update site with the Fiji updater.
#   update-site/assemble.sh [FIJI_APP]   with FIJI_APP given, jars that Fiji.app/jars already has (any version)
#                                        are left out; without it, the list in update-site/fiji-jars.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fiji="${1:-}"
mvn -B -q -f "$here/pom.xml" package -DskipTests >&2
out="$here/target/fiji"
rm -rf "$out"
mkdir -p "$out/plugins" "$out/jars"
jar="$(ls "$here"/target/TomoPick_-*.jar | grep -v -e '-sources.jar' -e '-tests.jar' | head -n 1)"
cp "$jar" "$out/plugins/"
# Jars that every Fiji has (shipped: ImageJ, SciJava, ImgLib2, gson, Apache commons, JNA, slf4j) and jars only the
# command line uses (cli-only: slf4j-nop), from update-site/fiji-jars.txt, which FijiJarsTest checks against Fiji's
# pom-scijava and docs/fiji-jars.md
rules() { awk -v kind="$1" '$1 == kind { printf "%s%s", sep, $2; sep = "|" }' "$here/update-site/fiji-jars.txt"; }
shipped="^($(rules shipped))\$"
cli_only="^($(rules cli-only))\$"
for lib in "$here"/target/lib/*.jar; do
	name="$(basename "$lib" .jar)"
	artifact="$(echo "$name" | sed -E 's/-[0-9][^-]*(-[0-9][^-]*)*(-linux-x86_64)?$//')"
	if [[ "$artifact" =~ $cli_only ]]; then continue; fi
	if [ -n "$fiji" ]; then
		if ls "$fiji/jars/$artifact"-[0-9]*.jar >/dev/null 2>&1; then continue; fi
	elif [[ "$artifact" =~ $shipped ]]; then
		continue
	fi
	case "$name" in
	pytorch-native-*) mkdir -p "$out/jars/linux64"; cp "$lib" "$out/jars/linux64/" ;; # Fiji adds its platform's folder
	api-[0-9]*) cp "$lib" "$out/jars/djl-$name.jar" ;; # DJL's api jar: a name of its own in Fiji's jars/
	*) cp "$lib" "$out/jars/" ;;
	esac
done
# PyTorch's CPU natives of the other platforms Fiji runs on, from Maven Central, in Fiji's per-platform folders
# (skip with TOMOPICK_LINUX_ONLY=1, e.g. without network)
if [ "${TOMOPICK_LINUX_ONLY:-}" != 1 ]; then
	native="$(ls "$here"/target/lib/pytorch-native-*-linux-x86_64.jar | head -n 1)"
	base="$(basename "$native" -linux-x86_64.jar)"          # pytorch-native-cpu-2.7.1
	artifact="${base%-*}"; version="${base##*-}"
	for platform in osx-aarch64:macosx win-x86_64:win64; do
		mvn -B -q dependency:copy -Dartifact="ai.djl.pytorch:$artifact:$version:jar:${platform%%:*}" \
			-DoutputDirectory="$out/jars/${platform##*:}" >&2
	done
fi
# The default models, where Pick Particles and Adapt Models find them without asking (Fiji.app/models/TomoPick)
mkdir -p "$out/models/TomoPick"
cp -r "$here"/models/unet "$here"/models/yolo "$here"/models/classifier "$here"/models/pipeline.json \
	"$here"/models/*.md "$out/models/TomoPick/"
echo "Fiji tree for TomoPick in $out:"
find "$out" -name '*.jar' | sed "s#$out/#  #" | sort
