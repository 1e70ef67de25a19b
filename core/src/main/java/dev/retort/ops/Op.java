package dev.retort.ops;

/**
 * One change to a database schema. Its {@link #reverse()} undoes it, carrying whatever state the undo needs.
 *
 * <pre>{@code
 * Op add = new AddColumn(null, "users", Column.of("email", "character varying(255)", true));
 * add.reverse();     // DropColumn[schema=null, table=users, column=Column[name=email, …]]
 * }</pre>
 */
public interface Op {

    /** The operation that undoes this one. */
    Op reverse();
}
