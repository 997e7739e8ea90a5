from . import test_survivor
from . import test_access
from . import test_tour
from . import test_referral
from . import test_referral_access
from . import test_service_directory
from . import test_referral_tour
