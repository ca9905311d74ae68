"""The helper processes of one build: work that is a pure function of what the build already knows, done on
the other core while the build's own process renders the pages (issue 24: a province's wall time).

A cold province draws 5,000 link-preview pictures and indexes 57,000 pages for search: minutes of CPU
that need neither MkDocs nor the model. `Helpers` is a pool of spawned processes (og_batch.spawn_pool:
never forked from the build, whose threads' locks a fork would copy; all started at once, leaving Ctrl+C to
the build) given work as soon as it is known, collected when its result is needed (`wait`), and stopped at
the end of the build whatever happened (`stop`: on success, on an error, on Ctrl+C; MkDocs' `on_shutdown`
runs in a `finally`), so no process outlives its build, under `mkdocs serve` too.

A helper that fails (an exception, a process killed) fails the build with one message in the editor's
language, never a traceback from another process.
"""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from mkdocs.exceptions import Abort

from plansite.i18n import _
from plansite.site.outreach.og_batch import spawn_pool


class Helpers:
    """A pool of `workers` helper processes, started on the first `submit`; `job` (marked with N_) names their work
    in messages."""

    def __init__(self, workers: int, job: str):
        self.workers, self.job = workers, job
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future] = []  # the results the build needs

    @property
    def started(self) -> bool:
        return self.pool is not None

    def submit(self, fn, *args) -> Future:
        """`fn(*args)` run in a helper process (in the order submitted when there is one worker)."""
        if self.pool is None:
            self.pool = spawn_pool(self.workers)
        try:
            future = self.pool.submit(fn, *args)
        except BrokenProcessPool as error:  # a helper died before this work was given
            self.stop()
            raise self.failure(error) from None
        self.futures.append(future)
        return future

    def keep_up(self, at_most: int) -> None:
        """Abort now if some work has failed (not only at `wait`); then wait, oldest first, until at most
        `at_most` pieces of work are unfinished, so that what is queued for a helper that falls behind
        (its input: pages' HTML) stays bounded in the build's own process."""
        failed = next((f for f in self.futures if f.done() and f.exception()), None)
        self.futures = [future for future in self.futures if not future.done()]
        while failed is None and len(self.futures) > at_most:
            oldest = self.futures.pop(0)
            if oldest.exception() is not None:  # waits until it is done
                failed = oldest
        if failed is not None:
            error = failed.exception()
            self.stop()
            raise self.failure(error) from None

    def wait(self) -> list:
        """Every submitted result, in the order submitted; on the first failure every helper is stopped and
        the build aborts with a message that says which work failed and why."""
        futures, self.futures = self.futures, []
        try:
            return [future.result() for future in futures]
        except Exception as error:  # raised in a helper (pickled back) or BrokenProcessPool: a helper died
            self.stop()
            raise self.failure(error) from None

    def failure(self, error: BaseException) -> Abort:
        if isinstance(error, BrokenProcessPool):
            reason = _("a helper process ended before its work was done (killed, or out of memory)")
        else:
            reason = f"{type(error).__name__}: {error}"
        return Abort(
            "\n"
            + _("The build's helper processes failed while {job}: {reason}.").format(job=_(self.job), reason=reason)
            + "\n"
            + _("Hint: {hint}").format(
                hint=_(
                    "the site was not published; build again, and if it fails again, send this message to "
                    "whoever maintains the site."
                )
            )
        )

    def close(self) -> None:
        """Let the helper processes end once their work under way is done (the build's normal end, after
        `wait`); work not begun is dropped."""
        pool, self.pool, self.futures = self.pool, None, []
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> None:
        """End every helper process now (work not started is dropped, work under way is cut short) and forget
        the pool; does nothing when none was started."""
        pool, self.pool, self.futures = self.pool, None, []
        if pool is None:
            return
        # The executor offers no way to end a task under way (a shard of the index being written, a picture);
        # its table of processes is the only handle on them.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():  # still starting (reading its modules from a busy disk): no more waiting
                process.kill()
                process.join(timeout=30)
        # Its processes gone, the executor's own thread sees the pool broken and ends: waited for, so that it
        # reaps no process after this returns.
        pool.shutdown(wait=True, cancel_futures=True)
