"""Pure-Python domain logic for BPO Launchpad.

Nothing here imports Django or an app, does I/O, reads the clock or draws hidden randomness:
callers pass `today`/`now` and any `random.Random` in. Everything is deterministic and typed.
"""
