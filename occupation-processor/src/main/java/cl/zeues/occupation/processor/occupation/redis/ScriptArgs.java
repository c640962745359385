package cl.zeues.occupation.processor.occupation.redis;

import cl.zeues.occupation.events.StoreLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The keys and named arguments of one store script call. Keys stay positional (Redis must see them
 * as {@code KEYS}); arguments travel as name/value pairs that {@link #PROLOGUE} reads into the Lua
 * table {@code A}, and a group of them ({@code A.spool}, {@code A.lock}) into a table of its own,
 * so a script never counts {@code ARGV} positions. Hash fields are grouped under {@link
 * StoreLayout}'s names and the prologue's table {@code F} spells the fields a script reads, so no
 * script spells a Redis field name either.
 */
final class ScriptArgs {

  /**
   * The fields scripts read by name, as {@code F.<lua name>}; ordered, so a script's SHA is stable.
   */
  private static final Map<String, String> READ_FIELDS = readFields();

  /**
   * Lua every store script starts with: {@code A} (the call's arguments), {@code F} (field names)
   * and {@code hset(key, group)}, which writes a group's fields to a hash.
   */
  static final String PROLOGUE =
      """
      local A = {}
      for i = 1, #ARGV, 2 do
        local group, name = string.match(ARGV[i], '^([^.]+)%%.(.+)$')
        if group then
          A[group] = A[group] or {}
          A[group][name] = ARGV[i + 1]
        else
          A[ARGV[i]] = ARGV[i + 1]
        end
      end
      local F = {%s}
      local function hset(key, fields)
        local flat = {}
        for field, value in pairs(fields) do
          flat[#flat + 1] = field
          flat[#flat + 1] = value
        end
        redis.call('HSET', key, unpack(flat))
      end
      """
          .formatted(
              READ_FIELDS.entrySet().stream()
                  .map(field -> field.getKey() + " = '" + field.getValue() + "'")
                  .collect(Collectors.joining(", ")));

  private final List<String> keys = new ArrayList<>();
  private final List<String> args = new ArrayList<>();

  /** The next key, {@code KEYS[n]} in call order. */
  ScriptArgs key(String key) {
    keys.add(key);
    return this;
  }

  /** {@code A.<name>} in the script. */
  ScriptArgs arg(String name, Object value) {
    if (name.contains(".")) {
      throw new IllegalArgumentException("an argument name has no dot: " + name);
    }
    args.add(name);
    args.add(String.valueOf(value));
    return this;
  }

  /** {@code A.<group>.<name>} for each entry, e.g. a hash's fields under their Redis names. */
  ScriptArgs group(String group, Map<String, String> values) {
    new TreeMap<>(values)
        .forEach(
            (name, value) -> {
              args.add(group + "." + name);
              args.add(value);
            });
    return this;
  }

  String[] keys() {
    return keys.toArray(String[]::new);
  }

  String[] args() {
    return args.toArray(String[]::new);
  }

  private static Map<String, String> readFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("version", StoreLayout.F_VERSION);
    fields.put("state", StoreLayout.F_STATE);
    fields.put("reply", StoreLayout.F_REPLY);
    fields.put("events", StoreLayout.F_EVENTS);
    fields.put("source", StoreLayout.F_SOURCE);
    return fields;
  }
}
