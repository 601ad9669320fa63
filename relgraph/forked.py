"""Work done in a forked process, its result sent back: the CPU-bound passes over a large dataset.

Python runs one thread at a time, so a pass over a million records uses one
core of several. A forked process starts with a copy of everything this one
holds (the declarations a pass checks against) without pickling it, works
on its part, and sends back only its result, pickled.

>>> job = Forked.start(sum, [1, 2, 3]) if can_fork() else None
>>> job.result() if job else 6
6
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

__all__ = ["Forked", "can_fork"]

T = TypeVar("T")


def can_fork() -> bool:
    """Whether work may be forked: a process that runs other threads could copy a lock one of them holds."""
    return hasattr(os, "fork") and threading.active_count() == 1


class Forked(Generic[T]):
    """``work(*args)`` running in a forked process."""

    def __init__(self, process: Any, results: Any, name: str) -> None:
        self.process, self.results, self.name = process, results, name

    @classmethod
    def start(cls, work: Callable[..., T], *args: Any) -> Forked[T]:
        import multiprocessing  # here, not at the top: 11 ms of every command's start, for the few that fork

        context = multiprocessing.get_context("fork")
        results, send = context.Pipe(duplex=False)
        process = context.Process(target=_run, args=(work, args, send), daemon=True)
        process.start()
        send.close()
        return cls(process, results, getattr(work, "__name__", "work"))

    def result(self) -> T:
        """Wait for the work; its return value, or the exception it raised, raised here."""
        try:
            outcome, value = self.results.recv()
        except EOFError:
            outcome, value = "error", RuntimeError(
                f"the process of {self.name} ended without a word (exit code {self.process.exitcode})")
        finally:
            self.process.join()
        if outcome == "error":
            raise value
        return value

    @staticmethod
    def as_done(jobs: list[Forked[T]]) -> Iterator[tuple[int, T]]:
        """``(index, result)`` of each of ``jobs`` as it ends (a result raises as :meth:`result` does)."""
        from multiprocessing.connection import wait

        pending = {job.results: k for k, job in enumerate(jobs)}
        while pending:
            for ready in wait(list(pending)):
                k = pending.pop(ready)
                yield k, jobs[k].result()

    def stop(self) -> None:
        """End the process if it still runs (after another part failed, its work is not wanted)."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


def _run(work: Callable[..., Any], args: tuple[Any, ...], send: Any) -> None:
    try:
        result: tuple[str, Any] = ("ok", work(*args))
    except Exception as exc:  # the caller raises it: it says what went wrong, not this process
        result = ("error", exc)
    try:
        send.send(result)
    except Exception as exc:  # a result or an exception that does not pickle
        send.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()
