import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "launchpad.settings")
application = get_wsgi_application()

# The garbage collector, in a web worker. Everything loaded so far (Django, the apps, their
# modules) lives as long as the process: frozen, it is out of the collector's sight, so a
# full collection no longer walks its 130,000 objects (a typing submission's thousands of
# keystroke objects set one off every dozen requests or so). And a collection starts after
# 10,000 new objects rather than 700, so one request's objects, freed when it ends, seldom
# set one off at all. Together about 3 M of a submission's 38 M instructions (measured in a
# worker, docs/benchmarks.md); memory held in reference cycles is still reclaimed, later.
gc.collect()
gc.freeze()
gc.set_threshold(10_000, 10, 10)
