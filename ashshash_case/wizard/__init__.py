from . import ashshash_directory_export_wizard
