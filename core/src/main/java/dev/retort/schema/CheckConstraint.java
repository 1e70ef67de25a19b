package dev.retort.schema;

/**
 * A check constraint.
 *
 * @param name the constraint name, or {@code null} to let the database name it ({@code <table>_<col>_check})
 * @param expression the condition as SQL, without the surrounding {@code CHECK (…)}
 */
public record CheckConstraint(String name, String expression) {

    public CheckConstraint {
        Names.require(expression, "check expression");
    }
}
