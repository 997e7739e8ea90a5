from . import test_training
from . import test_support
from . import test_support_plan
from . import test_access
from . import test_views
from . import test_tour
