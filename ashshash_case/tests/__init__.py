from . import test_survivor
from . import test_access
from . import test_tour
from . import test_indicator
