from enum import StrEnum


class ServiceFrequency(StrEnum):
    ANNUAL = "Annual"
    BI_MONTHLY = "Bi-Monthly"
    BI_WEEKLY = "Bi-Weekly"
    CUSTOM = "Custom"
    MONTHLY = "Monthly"
    ONE_TIME = "One-Time"
    QUARTERLY = "Quarterly"
    SEMI_ANNUAL = "Semi-Annual"
    TRI_ANNUAL = "Tri-Annual"
    WEEKLY = "Weekly"

    def __str__(self) -> str:
        return str(self.value)
