package dev.retort.demo;

/** Where a job stands: a {@code VARCHAR} column with a {@code CHECK} constraint, unlike the two enum types. */
public enum JobStatus {
    queued, running, succeeded, failed
}
