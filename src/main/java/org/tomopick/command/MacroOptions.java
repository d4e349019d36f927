package org.tomopick.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options string of an ImageJ macro {@code run("...", "key=value key2=[a value with spaces] checkbox")}, parsed
 * into whole keys. ImageJ's own {@code Macro.getValue} finds a key anywhere it is not preceded by a letter, so it
 * reads {@code user=} inside {@code truth_user=}; here a key is only ever a whole word: the options are split at
 * white space outside brackets, and each word is {@code key=value}, {@code key=[value]} or a bare {@code key} (a
 * ticked checkbox).
 */
final class MacroOptions {

	private final Map<String, String> values;

	private MacroOptions(Map<String, String> values) {
		this.values = values;
	}

	static MacroOptions parse(String options) {
		Map<String, String> values = new LinkedHashMap<>();
		String s = options == null ? "" : options;
		int i = 0, n = s.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(s.charAt(i)))
				i++;
			if (i >= n)
				break;
			int keyStart = i;
			while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=')
				i++;
			String key = s.substring(keyStart, i);
			if (i < n && s.charAt(i) == '=') {
				i++;
				String value;
				if (i < n && s.charAt(i) == '[') {
					int close = s.indexOf(']', i + 1);
					if (close < 0)
						throw new IllegalArgumentException(key + ": the value opened with '[' is not closed with ']'");
					value = s.substring(i + 1, close);
					i = close + 1;
				} else {
					int start = i;
					while (i < n && !Character.isWhitespace(s.charAt(i)))
						i++;
					value = s.substring(start, i);
				}
				values.put(key, value);
			} else {
				values.put(key, null);
			}
		}
		return new MacroOptions(values);
	}

	/** The value given for the key ({@code key=value}); empty for a bare key or a key not given. */
	Optional<String> value(String key) {
		return Optional.ofNullable(values.get(key));
	}

	/** Whether the key appears at all, with a value or bare. */
	boolean has(String key) {
		return values.containsKey(key);
	}
}
