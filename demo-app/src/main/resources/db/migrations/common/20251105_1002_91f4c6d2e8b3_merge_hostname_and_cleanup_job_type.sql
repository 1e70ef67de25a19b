-- merge hostname and cleanup job type
--
-- Revision ID: 91f4c6d2e8b3
-- Revises: c5e8f2a1b934, e03b7d9a6f21
-- Create Date: 2025-11-05 10:02:44.815092

-- migrate:upgrade

-- migrate:downgrade
