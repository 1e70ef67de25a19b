package dev.retort.runtime;

import java.sql.SQLException;

/** Where version-row changes go: the database (online) or the SQL script being written (offline). */
interface VersionStore {

    void insert(String version) throws SQLException;

    void update(String from, String to) throws SQLException;

    void delete(String version) throws SQLException;
}
