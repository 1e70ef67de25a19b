package dev.retort.graph;

import java.util.List;

/** An identifier such as {@code head} or {@code label@head} resolved to more than one head. */
public class MultipleHeadsException extends RevisionGraphException {

    private final List<String> heads;
    private final String argument;

    public MultipleHeadsException(List<String> heads, String argument) {
        super("Multiple heads are present for given argument '" + argument + "'; " + String.join(", ", heads));
        this.heads = List.copyOf(heads);
        this.argument = argument;
    }

    /** The heads the argument resolved to. */
    public List<String> heads() {
        return heads;
    }

    /** The argument as given, e.g. {@code head}. */
    public String argument() {
        return argument;
    }
}
