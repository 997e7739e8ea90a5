from . import test_event_lifecycle
from . import test_event_attendance
from . import test_international_days
from . import test_action_items
from . import test_event_access
from . import test_event_views
from . import test_tour
from . import test_menus
