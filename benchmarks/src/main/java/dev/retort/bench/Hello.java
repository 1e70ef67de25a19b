package dev.retort.bench;

/** The JVM's own start-up and exit: a main that does nothing. */
public final class Hello {

    public static void main(String[] args) {
        // nothing
    }
}
