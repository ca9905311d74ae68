"""Implementation reports: their periods (Nghị định 09/2019/NĐ-CP), status per task, the reporting calendar."""
