from . import ashshash_directory_export_wizard
from . import ashshash_indicator_report
