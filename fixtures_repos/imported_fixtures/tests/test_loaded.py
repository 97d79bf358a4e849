def test_mailing(mailing_config: dict[str, str]) -> None:
    assert mailing_config["dc"] == "us1"


def test_audit(audit_log: list[str], payment_config: dict[str, str]) -> None:
    assert audit_log == [] and payment_config
