-- seed demo workers and jobs
--
-- Revision ID: 4a8e1f7c3d95
-- Revises: 91f4c6d2e8b3
-- Create Date: 2025-11-05 10:20:03.551270

-- migrate:upgrade
-- Demo data, so GET /workers and GET /jobs show something on a fresh database.
INSERT INTO worker (name, hostname, status) VALUES
    ('runner-1', 'runner-1.ci.internal', 'idle'),
    ('runner-2', 'runner-2.ci.internal', 'busy'),
    ('runner-3', 'runner-3.ci.internal', 'offline');

INSERT INTO job (type, status, worker_id) VALUES
    ('build', 'succeeded', (SELECT id FROM worker WHERE name = 'runner-1')),
    ('cleanup', 'succeeded', (SELECT id FROM worker WHERE name = 'runner-1')),
    ('deploy', 'running', (SELECT id FROM worker WHERE name = 'runner-2'));

-- migrate:downgrade
DELETE FROM job WHERE worker_id IN (SELECT id FROM worker WHERE name IN ('runner-1', 'runner-2', 'runner-3'));

DELETE FROM worker WHERE name IN ('runner-1', 'runner-2', 'runner-3');
