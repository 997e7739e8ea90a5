from . import ashshash_area
from . import ashshash_survivor
from . import ashshash_family_member
from . import ashshash_consent
from . import ashshash_needs_assessment
from . import res_config_settings
from . import ashshash_indicator
