"""Your first PyTorch program: tensors, the device, one training step, then a tiny model trained for real.

Torch Setup Wizard runs this with the new environment's Python and shows the parts marked
``# --- part: NAME ---`` to the learner, part by part. Lines that start with ``wizard.`` only send
results to the wizard's window (one JSON line starting with ``WIZARD-DEMO ``); the page hides them.
Run it yourself:  python demo.py --device cpu   (or cuda, mps, xpu)
Python 3.8+ and torch 2.2+; no other package.
"""

import argparse
import json
import math
import sys
import time
import warnings

# torch works without NumPy; its warning about that would only confuse a learner.
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

TAG = "WIZARD-DEMO"
STEPS = 100
TRUE_WEIGHT = 2.0
TRUE_BIAS = 1.0
MATRIX_SIZE = 2048


def report(event, **values):
    print(TAG + " " + json.dumps(dict(event=event, **values)), flush=True)


class Stop(Exception):
    """A check failed: the run is reported as a failure with this code."""

    def __init__(self, code, **values):
        super().__init__(code)
        self.code = code
        self.values = values


class Wizard:
    """What the lesson tells the wizard (every call is on a line of its own that starts with ``wizard.``)."""

    def __init__(self, device_name):
        self.device_name = device_name
        self.losses = []
        self.started = self.training_started = time.perf_counter()

    def tensors(self, x, y, z, device):
        where = str(z.device)
        report("tensor_add", x=x.tolist(), y=y.tolist(), z=z.tolist(), device=where)
        for t in (x, y, z):
            if t.device.type != device.type or (device.index is not None and t.device.index != device.index):
                raise Stop("wrong_device", wanted=str(device), got=str(t.device))

    def one_step(self, loss, loss_after, device):
        loss, loss_after = float(loss), float(loss_after)
        finite = math.isfinite(loss) and math.isfinite(loss_after)
        report("train_step", loss=_num(loss), loss_after=_num(loss_after), finite=finite, device=str(device))
        self.training_started = time.perf_counter()
        if not finite:
            raise Stop("not_finite", step=0, loss=_num(loss_after))

    def progress(self, step, loss):
        value = float(loss)
        self.losses.append(value)
        report("progress", step=step, loss=_num(value), steps=STEPS)
        if not math.isfinite(value):
            raise Stop("not_finite", step=step, loss=_num(value))

    def learned(self, model):
        first, last = self.losses[0], self.losses[-1]
        weight, bias = float(model.weight.item()), float(model.bias.item())
        report(
            "fit",
            weight=_num(weight),
            bias=_num(bias),
            true_weight=TRUE_WEIGHT,
            true_bias=TRUE_BIAS,
            loss_first=_num(first),
            loss_last=_num(last),
            steps=len(self.losses),
            seconds=round(time.perf_counter() - self.training_started, 3),  # the 100 steps alone
        )
        if not (math.isfinite(weight) and math.isfinite(bias)):
            raise Stop("not_finite", step=len(self.losses), loss=_num(last))
        if not last < 0.1 * first:  # training that works cuts the loss to a tenth, and more
            raise Stop("not_learning", loss_first=_num(first), loss_last=_num(last))

    def speed(self, cpu_seconds, device_seconds, device, size):
        ratio = cpu_seconds / device_seconds if device_seconds > 0 else None
        report(
            "speed",
            cpu_ms=round(cpu_seconds * 1000, 3),
            device_ms=round(device_seconds * 1000, 3),
            ratio=round(ratio, 1) if ratio is not None else None,
            device=str(device),
            size=size,
        )


def _num(value):
    """JSON has no NaN or infinity: send those as text the wizard reads back."""
    return value if math.isfinite(value) else str(value)


def wait_for(device):
    """A GPU works in the background: wait until it has really finished before reading the clock."""
    import torch

    backend = getattr(torch, device.type, None)
    sync = getattr(backend, "synchronize", None) if device.type != "cpu" else None
    if sync is not None:
        sync()


def lesson(device_name, wizard, compare):
    # --- part: device ---
    import torch
    from torch import nn

    device = torch.device(device_name)  # where the numbers live: "cpu", "cuda", "mps" or "xpu"

    # --- part: tensors ---
    x = torch.tensor([1, 2, 3], device=device)
    y = torch.tensor([4, 5, 6], device=device)
    z = x + y
    print("x + y =", z.tolist())
    wizard.tensors(x, y, z, device)

    # --- part: data ---
    torch.manual_seed(0)  # the same "random" numbers every time
    inputs = torch.linspace(-1, 1, 100, device=device).reshape(100, 1)
    noise = 0.1 * torch.randn(100, 1, device=device)
    targets = 2 * inputs + 1 + noise  # points near the line y = 2x + 1

    # --- part: model ---
    model = nn.Linear(1, 1).to(device)  # computes w * x + b; w and b start random
    loss_fn = nn.MSELoss()  # how wrong the model is: the mean of the squared errors
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)  # lr: how big each correction is

    # --- part: one_step ---
    prediction = model(inputs)
    loss = loss_fn(prediction, targets)
    loss.backward()  # work out how to change w and b to make the loss smaller
    optimizer.step()  # change w and b a little in that direction
    optimizer.zero_grad()  # forget this step's gradients before the next one
    loss_after = loss_fn(model(inputs), targets)
    print("loss:", loss.item(), "-> after one step:", loss_after.item())
    wizard.one_step(loss.item(), loss_after.item(), device)

    # --- part: training ---
    for step in range(1, 101):
        loss = loss_fn(model(inputs), targets)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        wizard.progress(step, loss.item())
        if step % 25 == 0:
            print("step", step, "loss", round(loss.item(), 4))
    w, b = model.weight.item(), model.bias.item()
    print("learned: y = %.2f x + %.2f" % (w, b))
    wizard.learned(model)

    # --- part: speed ---
    if device.type != "cpu" or compare:
        left = torch.randn(2048, 2048)
        right = torch.randn(2048, 2048)
        cpu_seconds = time_matmul(left, right, torch.device("cpu"))
        device_seconds = time_matmul(left.to(device), right.to(device), device)
        print("CPU: %.1f ms, %s: %.2f ms" % (cpu_seconds * 1000, device, device_seconds * 1000))
        wizard.speed(cpu_seconds, device_seconds, device, 2048)
    # --- part: end ---
    return torch.__version__


def time_matmul(a, b, device, repeats=3):
    """The time of one a @ b on the device, in seconds (the best of a few tries, after a warm-up)."""
    a @ b  # the first run also sets things up: not counted
    wait_for(device)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        wait_for(device)
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cpu")
    parser.add_argument(
        "--compare", action="store_true", help="time the matrix multiply even on the CPU (CPU against itself)"
    )
    args = parser.parse_args()
    report("start", device=args.device, python=sys.version.split()[0])
    wizard = Wizard(args.device)
    try:
        version = lesson(args.device, wizard, args.compare)
    except Stop as stop:
        report("failure", code=stop.code, **stop.values)
        return 1
    except Exception as exc:  # the wizard explains the failure to the learner
        report("error", error_type=type(exc).__name__, message=str(exc))
        return 1
    report(
        "done",
        torch=version,
        ok=True,
        steps=len(wizard.losses),
        seconds=round(time.perf_counter() - wizard.started, 3),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
