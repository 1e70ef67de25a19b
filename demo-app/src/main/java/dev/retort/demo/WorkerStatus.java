package dev.retort.demo;

/**
 * What a worker is doing: the labels of the database's {@code worker_status} enum type. The constants are spelled
 * as the labels are, since Hibernate stores an enum's {@code name()}.
 */
public enum WorkerStatus {
    idle, busy, offline
}
