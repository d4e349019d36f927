#!/usr/bin/env bash
# Reproduces TomoPick's default models from the repository and ../shared/data (CPU only, about 100 minutes on
# 2 cores). Data go to ${DATA:-../tomopick-training-data}; the models to models/unet, models/yolo and
# models/classifier, the thresholds to models/pipeline.json.
#   train: 12 simulated tomograms on the real CZII layouts TS_5_4, TS_69_2, TS_6_4 (seeds 1000-1011)
#   validation: 2 tomograms on TS_6_6 (seeds 2000-2001) for the branches, 8 (seeds 2000-2007) for the classifier
#     and the thresholds
#   classifier: 48 more tomograms (30 on the training layouts, 18 on random layouts; seeds 3000+)
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

# Four more validation tomograms on TS_6_6 (seeds 2002-2005) for the classifier and the thresholds, so that the
# validation set spans real maps and phantoms (the first two, which chose the branches' best epochs, drew phantoms).
./tomopick simulate --out "$data/val" --layout "czii:$picks:TS_6_6" --runs 4 --seed 2002 --vary --templates "$maps"
# ... and two at the harsh end (low dose, a +-42-45 degree wedge), real maps and phantoms.
./tomopick simulate --out "$data/val" --layout "czii:$picks:TS_6_6" --runs 1 --seed 2006 --dose 20 --tilt-max 45 \
	--templates "$maps"
./tomopick simulate --out "$data/val" --layout "czii:$picks:TS_6_6" --runs 1 --seed 2007 --dose 25 --tilt-max 42

# The candidate classifier (full mode's last stage) learns from the trained branches' proposals on tomograms the
# branches never saw: 30 more on the training layouts and 18 on random layouts (seeds 3000-3011, 3200-3211,
# 3400-3402, 3420-3422; 3100-3105, 3300-3305, 3410-3412, 3430-3432).
ctrain="$data/classifier-train"
./tomopick simulate --out "$ctrain" --layout "czii:$picks:TS_5_4,TS_69_2,TS_6_4" --runs 12 --seed 3000 --vary \
	--templates "$maps"
./tomopick simulate --out "$ctrain" --layout random --run-prefix rnd_ --runs 6 --seed 3100 --vary --templates "$maps"
./tomopick simulate --out "$ctrain" --layout "czii:$picks:TS_5_4,TS_69_2,TS_6_4" --runs 12 --seed 3200 --vary \
	--templates "$maps"
./tomopick simulate --out "$ctrain" --layout random --run-prefix rnd_ --runs 6 --seed 3300 --vary --templates "$maps"
# 12 at the harsh end of the range (dose 15-30 e-/A^2, tilt +-40-50), real maps and phantoms, where the --vary draws
# above are thin: low-dose beta-galactosidase and thyroglobulin were the classifier's weak spot.
./tomopick simulate --out "$ctrain" --layout "czii:$picks:TS_5_4,TS_69_2,TS_6_4" --runs 3 --seed 3400 --dose 15 \
	--tilt-max 45 --templates "$maps"
./tomopick simulate --out "$ctrain" --layout random --run-prefix rndh_ --runs 3 --seed 3410 --dose 25 --tilt-max 50 \
	--templates "$maps"
./tomopick simulate --out "$ctrain" --layout "czii:$picks:TS_5_4,TS_69_2,TS_6_4" --runs 3 --seed 3420 --dose 20 \
	--tilt-max 40
./tomopick simulate --out "$ctrain" --layout random --run-prefix rndh_ --runs 3 --seed 3430 --dose 30 --tilt-max 45
./tomopick train-classifier --models models --project "$ctrain" --val-project "$data/val" --seed 42

# Thresholds tuned on the validation runs (models/pipeline.json), then per-class validation scores per mode.
./tomopick tune --models models --val "$data/val"
for mode in unet yolo full no-dbscan no-classifier; do
	./tomopick pick --input "$data/val" --out "$data/val-picks" --mode "$mode" --session "$mode"
	./tomopick evaluate --truth "$data/val" --picks "$data/val-picks" --truth-user curation --user tomopick \
		--session "$mode" --json "$data/val-$mode.json"
done
sha256sum models/unet/* models/yolo/* models/classifier/* models/pipeline.json
