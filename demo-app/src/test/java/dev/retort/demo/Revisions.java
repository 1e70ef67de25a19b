package dev.retort.demo;

import java.util.List;

/** The demo's revision ids, as the tests name them. */
final class Revisions {

    static final String CREATE_WORKER = "2b9f6c1e4a07";
    static final String CREATE_JOB = "7d41a3e90c58";
    static final String ADD_HOSTNAME = "c5e8f2a1b934";
    static final String ADD_CLEANUP = "e03b7d9a6f21";
    static final String MERGE = "91f4c6d2e8b3";
    static final String SEED = "4a8e1f7c3d95";
    static final String PRIORITY = "d3869d744314";

    /** Where application.yml finds them. */
    static final String LOCATIONS = "classpath:db/migrations/common,classpath:db/migrations/{vendor}";

    /** The head. */
    static final String HEAD = PRIORITY;

    /** Every revision in history order: from the head down to the base. */
    static final List<String> HISTORY = List.of(PRIORITY, SEED, MERGE, ADD_HOSTNAME, ADD_CLEANUP, CREATE_JOB, CREATE_WORKER);

    private Revisions() {
    }
}
