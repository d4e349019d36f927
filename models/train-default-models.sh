#!/usr/bin/env bash
# Reproduces TomoPick's default models from the repository and ../shared/data (CPU only, about 75 minutes on
# 2 cores). Data go to ${DATA:-../tomopick-training-data}; the models to models/unet and models/yolo.
#   train: 12 simulated tomograms on the real CZII layouts TS_5_4, TS_69_2, TS_6_4 (seeds 1000-1011)
#   validation: 2 tomograms on TS_6_6 (seeds 2000-2001)
#   never used here: TS_73_6, the layout of the benchmark's test set (seeds 9000+)
# Imaging conditions are drawn per tomogram (--vary): dose 15-120 e-/A^2, tilt range +-40..65 degrees, the real
# density maps or the built-in phantoms, denoised or not.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${DATA:-../tomopick-training-data}"
picks=../shared/data/czii-picks
maps=../shared/data/templates
export TOMOPICK_JAVA_OPTS="${TOMOPICK_JAVA_OPTS:--Xmx9g -Dai.djl.pytorch.num_threads=1}"

./tomopick simulate --out "$data/train" --layout "czii:$picks:TS_5_4,TS_69_2,TS_6_4" --runs 12 --seed 1000 \
	--vary --templates "$maps"
./tomopick simulate --out "$data/val" --layout "czii:$picks:TS_6_6" --runs 2 --seed 2000 --vary --templates "$maps"

# The two branches train at the same time, one PyTorch thread each, in two rounds: the second resumes from the
# first's last checkpoint in the work folder with more epochs (the cosine schedule is stretched to the new total),
# which is how the shipped models were made.
train_both() { # unet-epochs yolo-epochs
	./tomopick train --branch unet --project "$data/train" --val-project "$data/val" --epochs "$1" --steps 40 \
		--val-every 4 --lr 1e-3 --seed 42 --out models/unet --work "$data/unet.work" &
	local unet=$!
	./tomopick train --branch yolo --project "$data/train" --val-project "$data/val" --epochs "$2" --steps 50 \
		--seed 42 --out models/yolo --work "$data/yolo.work"
	wait "$unet"
}
train_both 24 30
train_both 44 60

# Thresholds tuned on the validation runs (models/pipeline.json), then per-class validation scores per mode.
./tomopick tune --models models --val "$data/val"
for mode in unet yolo full no-dbscan; do
	./tomopick pick --input "$data/val" --out "$data/val-picks" --mode "$mode" --session "$mode"
	./tomopick evaluate --truth "$data/val" --picks "$data/val-picks" --truth-user curation --user tomopick \
		--session "$mode" --json "$data/val-$mode.json"
done
sha256sum models/unet/* models/yolo/*
