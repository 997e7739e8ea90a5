from . import test_survivor
from . import test_access
from . import test_tour
from . import test_counselling_session
from . import test_certificate
from . import test_followup
from . import test_counselling_access
from . import test_certificate_verification
