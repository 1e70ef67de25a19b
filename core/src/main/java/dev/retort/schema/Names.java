package dev.retort.schema;

import java.util.Objects;

/** Small helpers for schema-qualified names. */
final class Names {

    private Names() {
    }

    static boolean same(String a, String b) {
        return Objects.equals(a, b);
    }

    static String qualified(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    static String require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
