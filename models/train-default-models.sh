#!/usr/bin/env bash
# Reproduces TomoPick's default models from the repository and ../shared/data (CPU only, about 115 minutes on
# 2 cores). Data go to ${DATA:-../tomopick-training-data}; the models to models/unet, models/yolo and
# models/classifier, the thresholds to models/pipeline.json.
#   every tomogram is simulated with --vary: the wide domain randomisation (dose 5-120 e-/A^2, tilt +-40..65 in
#   steps of 2-4 degrees, defocus 1.5-6 um, real maps or phantoms, per-particle variability, optional low-pass,
#   white/ramp/1-over-f noise, vesicles, gold, ice or carbon; see the README's Simulator section)
#   branches: 16 tomograms on the real CZII layouts TS_5_4, TS_69_2, TS_6_4 (seeds 1000-1015) and 4 on random
#     layouts (seeds 1100-1103); validation (best epoch): 4 tomograms on TS_6_6 (seeds 2000-2003); then the UNet3D
#     12 more epochs on 8 of those and 8 harsher ones (seeds 1400-1407), validated on all 12 validation tomograms
#   classifier: 36 more: 24 with that randomisation (12 on the training layouts, seeds 3000-3011; 12 random layouts,
#     seeds 3100-3111) and 12 harsher ones (--vary-dose 1.5,15 --vary-added-noise 2: particle contrast down to a
#     third of the default range's lowest; 6 on the training layouts, seeds 3400-3405; 6 random, seeds 3500-3505)
#   thresholds and the classifier's validation table: 12 tomograms on TS_6_6 (seeds 2000-2007 with the default
#     randomisation, 2008-2011 with the harsher one)
#   never used here: TS_73_6, the layout of the benchmark's test sets (own simulator seeds 9000+, and the
#   independent simulator's tomograms, which are only ever measured on)
# The branches start from the weights of the previous default models (--init: fine-tuning; the input normalisation
# changed to the whitened working grid, the architecture did not). Drop --init to train from random weights.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${DATA:-../tomopick-training-data}"
picks=../shared/data/czii-picks
maps=../shared/data/templates
export TOMOPICK_JAVA_OPTS="${TOMOPICK_JAVA_OPTS:--Xmx9g -Dai.djl.pytorch.num_threads=1}"
init="${INIT:-models}"

./tomopick simulate --out "$data/train" --layout "czii:$picks:TS_5_4,TS_69_2,TS_6_4" --runs 16 --seed 1000 \
	--vary --templates "$maps"
./tomopick simulate --out "$data/train" --layout random --run-prefix rnd_ --runs 4 --seed 1100 --vary \
	--templates "$maps"
./tomopick simulate --out "$data/val" --layout "czii:$picks:TS_6_6" --runs 4 --seed 2000 --vary --templates "$maps"

# Both branches at the same time, one PyTorch thread each.
mkdir -p "$data/init"
cp -r "$init/unet" "$init/yolo" "$data/init/" 2>/dev/null || true
./tomopick train --branch unet --project "$data/train" --val-project "$data/val" --epochs 32 --steps 40 \
	--val-every 4 --lr 1e-3 --seed 42 --init "$data/init/unet" --out models/unet --work "$data/unet.work" &
unet=$!
./tomopick train --branch yolo --project "$data/train" --val-project "$data/val" --epochs 40 --steps 50 \
	--seed 42 --init "$data/init/yolo" --out models/yolo --work "$data/yolo.work"
wait "$unet"

# Eight more validation tomograms for the harsher UNet stage, the classifier and the thresholds, four of them
# harsher.
harsh="--vary --vary-dose 1.5,15 --vary-added-noise 2"
./tomopick simulate --out "$data/val" --layout "czii:$picks:TS_6_6" --runs 4 --seed 2004 --vary --templates "$maps"
# shellcheck disable=SC2086
./tomopick simulate --out "$data/val" --layout "czii:$picks:TS_6_6" --runs 4 --seed 2008 $harsh --templates "$maps"

# The UNet3D then learns the harsher draw too (particle contrast down to a third of the default range's lowest):
# 12 more epochs from the weights above on 8 tomograms of the default draw (the same as the first 8 above) and 8
# harsher ones, validated on all 12 validation tomograms.
./tomopick simulate --out "$data/train-harsh" --layout "czii:$picks:TS_5_4,TS_69_2,TS_6_4" --runs 8 --seed 1000 \
	--vary --templates "$maps"
# shellcheck disable=SC2086
./tomopick simulate --out "$data/train-harsh" --layout "czii:$picks:TS_5_4,TS_69_2,TS_6_4" --runs 8 --seed 1400 \
	$harsh --templates "$maps"
rm -rf "$data/unet-default" && cp -r models/unet "$data/unet-default"
./tomopick train --branch unet --project "$data/train-harsh" --val-project "$data/val" --epochs 12 --steps 40 \
	--val-every 4 --lr 1e-3 --seed 42 --init "$data/unet-default" --out models/unet --work "$data/unet-harsh.work"

# The candidate classifier learns from the trained branches' proposals on tomograms the branches never saw.
ctrain="$data/classifier-train"
./tomopick simulate --out "$ctrain" --layout "czii:$picks:TS_5_4,TS_69_2,TS_6_4" --runs 12 --seed 3000 --vary \
	--templates "$maps"
./tomopick simulate --out "$ctrain" --layout random --run-prefix rnd_ --runs 12 --seed 3100 --vary --templates "$maps"
# shellcheck disable=SC2086
./tomopick simulate --out "$ctrain" --layout "czii:$picks:TS_5_4,TS_69_2,TS_6_4" --runs 6 --seed 3400 $harsh \
	--templates "$maps"
# shellcheck disable=SC2086
./tomopick simulate --out "$ctrain" --layout random --run-prefix rnd_ --runs 6 --seed 3500 $harsh --templates "$maps"
./tomopick train-classifier --models models --project "$ctrain" --val-project "$data/val" --seed 42 \
	--examples "$data/examples"

# Thresholds tuned on the validation runs (models/pipeline.json); tune prints every mode's validation F4.
./tomopick tune --models models --val "$data/val"
sha256sum models/unet/* models/yolo/* models/classifier/* models/pipeline.json
