from . import ashshash_event_locked_line_mixin
from . import ashshash_event_type
from . import ashshash_event_outreach_method
from . import ashshash_event
from . import ashshash_event_audience
from . import ashshash_event_attendee
from . import ashshash_event_action_item
from . import mail_activity
