#!/usr/bin/python3
"""Writes small Zarr v2 arrays with zarr-python 2.13 / numcodecs 0.11 (Debian: /usr/bin/python3) covering what
../shared/data/zarr-fixtures does not: bit shuffle, lz4hc, zlib and blosclz inside blosc, standalone zstd and lz4,
u2 i1 u4 i4 f8 f2, big-endian, F order, missing chunks with non-zero / NaN fill values, memcpy'ed and multi-block
split blosc chunks. Each case goes to src/test/resources/zarr-python/<case>/ and expected.json gets the values numpy
computes from what zarr-python reads back.

Run from the project root:  /usr/bin/python3 src/test/python/make_zarr_fixtures.py
"""
import json
import os
import shutil

import numpy as np
import zarr
from numcodecs import GZip, LZ4, Blosc, Zlib, Zstd

OUT = os.path.join("src", "test", "resources", "zarr-python")
rng = np.random.default_rng(20240611)


def smooth(shape, scale, offset=0.0, noise=1.0):
    """Compressible, structured values: a sum of waves, rounded, plus a little rounded noise."""
    z, y, x = np.meshgrid(*[np.arange(n) for n in shape], indexing="ij")
    v = np.sin(z * 0.7) * 3 + np.cos(y * 0.3) * 5 + np.sin(x * 0.11 + z * 0.2) * 7
    v = np.round(v * 4) / 4 + np.round(rng.normal(0, noise, shape))
    return v * scale + offset


CASES = []


def case(name, data, chunks, compressor, order="C", separator=".", fill_value=0, region=None):
    CASES.append((name, data, chunks, compressor, order, separator, fill_value, region))


S = (5, 6, 7)
C = (3, 4, 5)
# 16 x 32 x 41 chunks hold 20992 elements: with 4-byte types more than one 64 KiB block and a leftover block
BIG = (16, 33, 41)
BIGC = (16, 32, 41)

# blosc inside: compressors, shuffles, split streams, several blocks with a leftover block, memcpy
case("blosc_lz4_bitshuffle_f4", smooth(BIG, 0.25, noise=0.3).astype("<f4"), BIGC,
     Blosc("lz4", 5, Blosc.BITSHUFFLE, blocksize=8192))
case("blosc_lz4_bitshuffle_small_u2", smooth(S, 10, 300).astype("<u2"), C, Blosc("lz4", 5, Blosc.BITSHUFFLE))
case("blosc_lz4_shuffle_u4", smooth(BIG, 100, 1e5, noise=0.3).astype("<u4"), BIGC,
     Blosc("lz4", 5, Blosc.SHUFFLE, blocksize=8192))
case("blosc_lz4hc_shuffle_f8", smooth((9, 17, 64), 1e-3, noise=0.3).astype("<f8"), (9, 16, 64),
     Blosc("lz4hc", 9, Blosc.SHUFFLE, blocksize=4096))
case("blosc_zlib_shuffle_i4", smooth(BIG, 1000, noise=0.3).astype("<i4"), BIGC, Blosc("zlib", 5, Blosc.SHUFFLE))
case("blosc_blosclz_shuffle_u2", smooth(BIG, 100, 5000, noise=0.3).astype("<u2"), BIGC,
     Blosc("blosclz", 5, Blosc.SHUFFLE))
case("blosc_blosclz_noshuffle_i1", smooth(BIG, 4, noise=0.3).astype("i1"), BIGC, Blosc("blosclz", 9, Blosc.NOSHUFFLE))
case("blosc_zstd_bitshuffle_u4", smooth(BIG, 1e5, 1e6, noise=0.3).astype("<u4"), BIGC,
     Blosc("zstd", 1, Blosc.BITSHUFFLE, blocksize=8192))
case("blosc_lz4_shuffle_f2", smooth(S, 0.5).astype("<f2"), C, Blosc("lz4", 5, Blosc.SHUFFLE))
case("blosc_memcpy_f4", rng.normal(0, 1, S).astype("<f4"), C, Blosc("lz4", 0, Blosc.SHUFFLE))
case("blosc_lz4_bigendian_i2", smooth(S, 300).astype(">i2"), C, Blosc("lz4", 5, Blosc.SHUFFLE))
# standalone numcodecs codecs
case("zstd_i2", smooth(S, 300).astype("<i2"), C, Zstd(level=3))
case("lz4_i1", smooth(S, 3).astype("i1"), C, LZ4())
case("gzip_u4_slash", smooth(S, 1000, 10000).astype("<u4"), C, GZip(5), separator="/")
# byte order, layout, missing chunks
case("bigendian_f8_raw", smooth(S, 0.01).astype(">f8"), C, None)
case("bigendian_f4_zlib", smooth(S, 0.01).astype(">f4"), C, Zlib(1))
case("forder_f4_blosc", smooth(S, 0.5).astype("<f4"), C, Blosc("lz4", 5, Blosc.SHUFFLE), order="F")
case("forder_i2_raw_slash", smooth(S, 100).astype("<i2"), C, None, order="F", separator="/")
case("missing_fill_f4", smooth(S, 0.5).astype("<f4"), C, Blosc("lz4", 5, Blosc.SHUFFLE), fill_value=-1.5,
     region=(slice(0, 3), slice(0, 4), slice(0, 5)))
case("missing_fill_nan_f4", smooth(S, 0.5).astype("<f4"), C, Zlib(1), fill_value=np.nan,
     region=(slice(3, 5), slice(0, 6), slice(0, 7)))
case("missing_fill_u1", smooth(S, 3, 100).astype("|u1"), C, None, fill_value=200,
     region=(slice(0, 5), slice(4, 6), slice(0, 7)))
case("missing_fill_i4_slash", smooth(S, 100).astype("<i4"), C, Blosc("zstd", 1, Blosc.SHUFFLE), fill_value=-7,
     separator="/", region=(slice(0, 3), slice(0, 6), slice(5, 7)))
case("missing_all_f8", smooth(S, 1).astype("<f8"), C, None, fill_value="Infinity", region=())
# blosc with a compressor TomoPick does not read
case("blosc_snappy_unsupported", smooth(S, 1).astype("<f4"), C, Blosc("snappy", 5, Blosc.SHUFFLE))


def expected_values(a):
    finite = a[np.isfinite(a)].astype(np.float64) if a.dtype.kind == "f" else a.astype(np.float64)
    samples = []
    for _ in range(6):
        idx = tuple(int(rng.integers(0, n)) for n in a.shape)
        samples.append([*idx, float(a[idx])])
    return {
        "shape": list(a.shape),
        "dtype": a.dtype.str,
        "finite_sum": float(finite.sum()),
        "finite_sumsq": float((finite * finite).sum()),
        "nan_count": int(np.isnan(a).sum()) if a.dtype.kind == "f" else 0,
        "inf_count": int(np.isinf(a).sum()) if a.dtype.kind == "f" else 0,
        "first": float(a.flat[0]),
        "last": float(a.flat[-1]),
        "samples": samples,
    }


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    expected = {}
    for name, data, chunks, compressor, order, separator, fill, region in CASES:
        path = os.path.join(OUT, name)
        fill_value = float("inf") if fill == "Infinity" else fill
        z = zarr.open(path, mode="w", shape=data.shape, chunks=chunks, dtype=data.dtype, compressor=compressor,
                      order=order, dimension_separator=separator, fill_value=fill_value)
        if region is None:
            z[...] = data
        elif region != ():
            z[region] = data[region]
        back = zarr.open(path, mode="r")[...]
        if region is None:
            assert np.array_equal(back, data), name
        expected[name] = expected_values(back)
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
