"""What a person watching a run sees: a Rich progress bar, and counts for the summary.

Workers report how far their shard has got about once a second; a finished
shard's own counts replace its reports, so a retried shard is never counted twice.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


@dataclass
class Counts:
    """Articles read (good and bad), event mentions and bad articles, per shard."""

    shards: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    finished: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def report(self, shard: str, articles: int, mentions: int, errors: int, *, done: bool) -> None:
        with self.lock:
            if shard in self.finished and not done:
                return  # a late report from an attempt that was retried
            self.shards[shard] = (articles, mentions, errors)
            if done:
                self.finished.add(shard)

    def totals(self) -> tuple[int, int, int]:
        with self.lock:
            values = list(self.shards.values())
        return (
            sum(v[0] for v in values),
            sum(v[1] for v in values),
            sum(v[2] for v in values),
        )


class RunProgress:
    """The progress bar; quiet (no bar) when stderr is not a terminal."""

    def __init__(
        self, console: Console | None = None, *, show: bool | None = None, dashboard: bool = True
    ) -> None:
        self.console = console or Console(stderr=True)
        self.show = self.console.is_terminal if show is None else show
        self.dashboard = dashboard  # print the Dask dashboard's link
        self.counts = Counts()
        self.started = time.monotonic()
        self.resumed = 0  # articles of shards finished by an earlier run
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def note(self, message: str) -> None:
        if self.show:
            self.console.print(message, highlight=False)

    def start(self, total: int, shards: int, done_shards: int, dashboard: str | None) -> None:
        self.started = time.monotonic()
        if dashboard and self.dashboard:
            self.note(f"Dask dashboard: {dashboard}")
        if done_shards:
            self.note(f"resuming: {done_shards} of {shards} shards were finished before")
        if not self.show:
            return
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles · {task.fields[rate]:.1f}/s · {task.fields[events]} events"),
            TextColumn("· {task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(
            "extracting", total=total, rate=0.0, events=0, errors=0
        )
        self.refresh()

    def shard(self, shard: str, counts: dict[str, Any], *, done: bool) -> None:
        self.counts.report(
            shard,
            int(counts.get("articles", 0)) + (int(counts.get("errors", 0)) if done else 0),
            int(counts.get("mentions", 0)),
            int(counts.get("errors", 0)),
            done=done,
        )
        self.refresh()

    def rate(self) -> float:
        articles, _, _ = self.counts.totals()
        return max(articles - self.resumed, 0) / max(time.monotonic() - self.started, 1e-6)

    def refresh(self) -> None:
        if self._progress is None or self._task is None:
            return
        articles, mentions, errors = self.counts.totals()
        self._progress.update(
            self._task, completed=articles, rate=self.rate(), events=mentions, errors=errors
        )

    def phase(self, description: str) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=description)
        else:
            self.note(description)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
