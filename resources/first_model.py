"""first_model.py: your first PyTorch program.

It adds two tensors, then trains a tiny model until it finds the line y = 2x + 1.
Run it with a double-click, with Run in VS Code, or in a terminal inside your environment:
    python first_model.py
Change a number (the learning rate lr, the number of steps) and run it again to see what happens.
"""

import os
import sys

import torch
from torch import nn

device = torch.device("cpu")  # where the numbers live: "cpu", "cuda", "mps" or "xpu"

x = torch.tensor([1, 2, 3], device=device)
y = torch.tensor([4, 5, 6], device=device)
z = x + y
print("x + y =", z.tolist())

torch.manual_seed(0)  # the same "random" numbers every time
inputs = torch.linspace(-1, 1, 100, device=device).reshape(100, 1)
noise = 0.1 * torch.randn(100, 1, device=device)
targets = 2 * inputs + 1 + noise  # points near the line y = 2x + 1

model = nn.Linear(1, 1).to(device)  # computes w * x + b; w and b start random
loss_fn = nn.MSELoss()  # how wrong the model is: the mean of the squared errors
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)  # lr: how big each correction is

for step in range(1, 101):
    loss = loss_fn(model(inputs), targets)
    loss.backward()  # work out how to change w and b to make the loss smaller
    optimizer.step()  # change w and b a little in that direction
    optimizer.zero_grad()  # forget this step's gradients before the next one
    if step % 25 == 0:
        print("step", step, "loss", round(loss.item(), 4))
w, b = model.weight.item(), model.bias.item()
print("learned: y = %.2f x + %.2f" % (w, b))

# keep the window open when the file was started by a double-click
if sys.platform == "win32" and "PROMPT" not in os.environ:
    input("Press Enter to close this window.")
