"""A failed request in one line: the stage it failed at, the error's class, and a message
that says what happened even when the exception carries none."""

from dataclasses import dataclass

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.politeness.fence import Refused

# Exceptions Scrapy raises without a message, by class name.
EXPLAINED = {
    "ResponseDataLossError": "the connection closed before the whole body came "
    "(fewer bytes than Content-Length)",
    "DownloadCancelledError": "download abandoned: the body grew past DOWNLOAD_MAXSIZE",
    "ResponseFailed": "the connection failed while the response was being read",
    "ConnectionLost": "the server closed the connection",
    "ConnectionRefusedError": "connection refused",
    "TimeoutError": "no answer in time",
}


@dataclass(frozen=True)
class Described:
    stage: str
    error_class: str
    message: str
    http_status: int | None


def describe(failure: Failure) -> Described:
    error = failure.value
    name = type(error).__name__
    status = error.response.status if isinstance(error, HttpError) else None
    if isinstance(error, Refused):
        stage = error.stage
    elif isinstance(error, IgnoreRequest) and "robots.txt" in str(error):
        stage = "robots"  # a gap in coverage by policy, recorded but not a failure
    else:
        stage = "fetch"
    message = str(error).strip()
    if status is not None:
        message = f"HTTP {status} after every retry"
    elif not message or message == name:
        message = EXPLAINED.get(name, name)
    return Described(stage, name, " ".join(message.split()), status)
