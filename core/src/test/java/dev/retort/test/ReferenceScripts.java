package dev.retort.test;

import java.nio.file.Path;

/**
 * The graph ../shared/reference/alembic.md observed Alembic on, with real SQL: 1975 -> ae10, which branches to
 * 27c6 and 3cac, merged by 53ff; the audit root 29f8 (label {@code audit}) -> 9a8c; 55af revises 53ff and depends
 * on 29f8; 7b3f revises 55af and depends on 9a8c.
 */
public final class ReferenceScripts {

    private ReferenceScripts() {
    }

    /** The whole graph. */
    public static RevisionFiles write(Path directory) {
        RevisionFiles files = writeBranchAndMerge(directory);
        files.add("29f859a13ea", null).message("audit root").labels("audit")
                .upgrade("CREATE TABLE audit (id int PRIMARY KEY);").downgrade("DROP TABLE audit;").write();
        files.add("9a8c79bb4e1e", "29f859a13ea").message("audit two")
                .upgrade("ALTER TABLE audit ADD COLUMN two int;").downgrade("ALTER TABLE audit DROP COLUMN two;")
                .write();
        files.add("55af2cb1c267", "53fffde5ad5d").dependsOn("29f859a13ea").message("main needs audit")
                .upgrade("CREATE TABLE needs_audit (id int PRIMARY KEY REFERENCES audit (id));")
                .downgrade("DROP TABLE needs_audit;").write();
        files.add("7b3f1c2d9e10", "55af2cb1c267").dependsOn("9a8c79bb4e1e").message("needs audit two")
                .upgrade("CREATE VIEW audit_two AS SELECT two FROM audit;").downgrade("DROP VIEW audit_two;").write();
        return files;
    }

    /** The main line only: 1975 -> ae10 -> (27c6 | 3cac) -> 53ff, the merge. */
    public static RevisionFiles writeBranchAndMerge(Path directory) {
        RevisionFiles files = new RevisionFiles(directory);
        files.add("1975ea83b712", null).message("create account table")
                .upgrade("CREATE TABLE account (id int PRIMARY KEY, name varchar(50) NOT NULL);")
                .downgrade("DROP TABLE account;").write();
        files.add("ae1027a6acf0", "1975ea83b712").message("add a column")
                .upgrade("ALTER TABLE account ADD COLUMN a varchar(10);")
                .downgrade("ALTER TABLE account DROP COLUMN a;").write();
        files.add("27c6a30d7c24", "ae1027a6acf0").message("add b")
                .upgrade("CREATE TABLE b (id int PRIMARY KEY);").downgrade("DROP TABLE b;").write();
        files.add("3cac04ae8714", "ae1027a6acf0").message("branch x")
                .upgrade("CREATE TABLE x (id int PRIMARY KEY);").downgrade("DROP TABLE x;").write();
        files.add("53fffde5ad5d", "3cac04ae8714, 27c6a30d7c24").message("merge b and x").write();
        return files;
    }
}
