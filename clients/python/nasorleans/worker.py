"""A worker loop: suggest, run the objective while a background thread heartbeats, complete; until the study is done."""

import threading
import time
import traceback

from .errors import NasError


class TrialContext:
    """What the objective gets: the trial's parameters, and a way to report progress and to learn it should stop."""

    def __init__(self, client, study, trial):
        self._client = client
        self._study = study
        self.trial = trial
        self.trial_id = trial.trial_id
        self.parameters = trial.parameters
        self._stop = threading.Event()
        self.state = "continue"

    @property
    def should_stop(self):
        """True once a heartbeat or a report said stop (trial_timeout, early stopping) or the lease was lost."""
        return self._stop.is_set()

    def report(self, step, metrics):
        """Reports a learning-curve point; returns True (and should_stop turns True) when the trial should stop."""
        if self._client.report(self._study, self.trial, None, step, metrics):
            self._stop.set()
        return self.should_stop

    def _beat(self):
        state = self._client.heartbeat(self._study, self.trial, None)
        if state != "continue":
            self.state = state
            self._stop.set()


class Worker:
    """Runs ``objective_fn(context) -> dict of metrics`` on the study's trials, as worker ``client_id``.

    An objective that raises is reported as the trial's failure (the exception's text) and the worker goes on.
    ``heartbeat_interval`` must stay well under the service's lease timeout (30 s by default).
    """

    def __init__(self, client, study, client_id, objective_fn, heartbeat_interval=5.0, poll_interval=0.5, log=None):
        self.client = client
        self.study = study
        self.client_id = client_id
        self.objective_fn = objective_fn
        self.heartbeat_interval = heartbeat_interval
        self.poll_interval = poll_interval
        self.log = log
        self.results = []

    def run(self, max_trials=None):
        """Works until the study is done (or ``max_trials`` trials are finished here); returns this worker's results."""
        done = 0
        while max_trials is None or done < max_trials:
            suggestion = self.client.suggest(self.study, 1, self.client_id)
            if suggestion.study_done:
                break
            if not suggestion.trials:
                time.sleep(self.poll_interval)
                continue
            for trial in suggestion.trials:
                self.results.append(self.run_trial(trial))
                done += 1
        return self.results

    def run_trial(self, trial):
        """Runs one leased trial to its completion; returns (trial, metrics or None, failure or None, accepted, reason)."""
        context = TrialContext(self.client, self.study, trial)
        stop_beating = threading.Event()
        beater = threading.Thread(target=self._heartbeat, args=(context, stop_beating), daemon=True, name=f"nas-heartbeat-{trial.trial_id}")
        beater.start()
        metrics, failure = None, None
        try:
            metrics = self.objective_fn(context)
            if not isinstance(metrics, dict):
                raise TypeError(f"the objective returned {type(metrics).__name__}; return a dict of metrics, e.g. {{'accuracy': 0.97}}")
        except Exception as e:  # the objective's failure is the trial's, not the worker's
            failure = f"{type(e).__name__}: {e}"
            metrics = None
            if self.log:
                self.log(traceback.format_exc())
        finally:
            stop_beating.set()
            beater.join()
        accepted, reason = self.client.complete(self.study, trial, None, metrics=metrics, failure=failure)
        if self.log:
            self.log(f"trial {trial.trial_id}: {'failed: ' + failure if failure else metrics} "
                     f"({'accepted' if accepted else 'not accepted: ' + reason})")
        return trial, metrics, failure, accepted, reason

    def _heartbeat(self, context, stop):
        while not stop.wait(self.heartbeat_interval):
            try:
                context._beat()
            except NasError as e:
                if self.log:
                    self.log(f"heartbeat of trial {context.trial_id} failed: {e}")


def run_worker(client, study, client_id, objective_fn, **options):
    """Runs a :class:`Worker` until the study is done; returns its results."""
    max_trials = options.pop("max_trials", None)
    return Worker(client, study, client_id, objective_fn, **options).run(max_trials=max_trials)
