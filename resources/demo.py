"""Your first PyTorch program: add two tensors, then train a tiny model for one step.

Torch Setup Wizard runs this with the new environment's Python and shows the lesson part below.
Each result is also printed as one JSON line starting with ``WIZARD-DEMO `` for the wizard.
Run it yourself:  python demo.py --device cpu   (or cuda, mps, xpu)
"""

import argparse
import json
import math
import sys
import warnings

# torch works without NumPy; its warning about that would only confuse a learner.
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")


def report(event, **values):
    print("WIZARD-DEMO " + json.dumps(dict(event=event, **values)), flush=True)


def lesson(device_name):
    # --- lesson start ---
    import torch
    from torch import nn

    device = torch.device(device_name)  # where the numbers live: "cpu", "cuda", "mps" or "xpu"

    # 1. Tensors: arrays of numbers that PyTorch can compute with.
    x = torch.tensor([1, 2, 3], device=device)
    y = torch.tensor([4, 5, 6], device=device)
    z = x + y
    print("x + y =", z.tolist())

    # 2. A tiny model: one linear layer that maps 2 numbers to 1 number.
    torch.manual_seed(0)
    model = nn.Linear(2, 1).to(device)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

    inputs = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device)
    targets = torch.tensor([[1.0], [2.0]], device=device)

    # 3. One training step: forward, loss, backward, step, zero_grad.
    prediction = model(inputs)
    loss = loss_fn(prediction, targets)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    print("loss:", loss.item())

    loss_after = loss_fn(model(inputs), targets).item()
    print("loss after one step:", loss_after)
    # --- lesson end ---
    return z.tolist(), str(z.device), loss.item(), loss_after, torch.__version__


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--device", default="cpu")
    args = parser.parse_args()
    report("start", device=args.device, python=sys.version.split()[0])
    try:
        z, where, loss, loss_after, version = lesson(args.device)
    except Exception as exc:  # the wizard explains the failure to the learner
        report("error", error_type=type(exc).__name__, message=str(exc))
        return 1
    report("tensor_add", x=[1, 2, 3], y=[4, 5, 6], z=z, device=where)
    report("train_step", loss=loss, loss_after=loss_after, finite=math.isfinite(loss), device=where)
    report("done", torch=version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
