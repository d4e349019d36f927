package org.tomopick.io.zarr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A small least-recently-used cache of decoded cells, keyed by cell index. Loading happens outside the lock, so two
 * threads may occasionally decode the same cell; the first result stays.
 */
final class BoundedChunkCache<V> {

	private final int capacity;
	private final LongFunction<V> loader;
	private final Map<Long, V> entries;

	BoundedChunkCache(int capacity, LongFunction<V> loader) {
		if (capacity < 1)
			throw new IllegalArgumentException("cache capacity must be >= 1, was " + capacity);
		this.capacity = capacity;
		this.loader = loader;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
				return size() > BoundedChunkCache.this.capacity;
			}
		};
	}

	V get(long key) {
		synchronized (entries) {
			V v = entries.get(key);
			if (v != null)
				return v;
		}
		V loaded = loader.apply(key);
		synchronized (entries) {
			V v = entries.putIfAbsent(key, loaded);
			return v != null ? v : loaded;
		}
	}

	int size() {
		synchronized (entries) {
			return entries.size();
		}
	}
}
