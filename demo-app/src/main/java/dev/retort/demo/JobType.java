package dev.retort.demo;

/**
 * What a job does: the labels of the database's {@code job_type} enum type; {@code cleanup} came with a later
 * revision ({@code ALTER TYPE job_type ADD VALUE 'cleanup'}).
 */
public enum JobType {
    build, test, deploy, cleanup
}
