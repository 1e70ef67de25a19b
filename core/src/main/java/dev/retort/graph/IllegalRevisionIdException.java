package dev.retort.graph;

import java.util.List;
import java.util.stream.Collectors;

/** A revision id contains a character that target syntax reserves ({@code @ - + :}). */
public class IllegalRevisionIdException extends RevisionGraphException {

    private final String id;

    public IllegalRevisionIdException(String id, List<Character> characters) {
        super("Character(s) '" + characters.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + "' not allowed in revision identifier '" + id + "'");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
