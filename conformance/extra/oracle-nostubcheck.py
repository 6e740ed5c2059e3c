#!/usr/bin/python3
"""The AWS CLI run from its source, with one change: botocore's Stubber does not validate the stubbed response.

`aws … --generate-cli-skeleton output` answers with a stubbed response built from the output shape, and the AWS
CLI v2.36.7 validates that stub against the shape's own constraints: for most operations its placeholder strings
('kmsKeyArn', 9 characters) are shorter than the shape's minimum length and the command fails with exit 252.
What it prints with that check off is what a clone must print (gen-vectors.py --clone-expect uses this).

  AWSCLI_SRC=/work/oracle/awscli-v2 AWSCLI_OVERLAY=/work/oracle/overlay /usr/bin/python3 oracle-nostubcheck.py cleanroomsml …
(the Python that has the AWS CLI's dependencies installed, as /work/oracle/aws uses)
"""
import os, sys

SRC = os.environ.get("AWSCLI_SRC", "/work/oracle/awscli-v2")
OVERLAY = os.environ.get("AWSCLI_OVERLAY", "/work/oracle/overlay")
sys.path[:0] = [OVERLAY, SRC]
sys.argv[0] = os.path.join(SRC, "bin", "aws")

import awscli.clidriver  # noqa: E402
from botocore.stub import Stubber  # noqa: E402

Stubber._validate_response = lambda self, operation_name, service_response: None

if __name__ == "__main__":
    sys.exit(awscli.clidriver.main())
