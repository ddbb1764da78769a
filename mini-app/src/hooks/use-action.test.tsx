import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Button } from "zmp-ui";
import { ActionError } from "../components/outcome-message";
import { ApiError } from "../services/api";
import { deferred } from "../testing/fake-api";
import { useAction } from "./use-action";

/** A screen's button as the app writes one: busy while its work runs, the failure shown below it. */
function SaveButton({ work, keepBusyOnSuccess }: { work(): Promise<void>; keepBusyOnSuccess?: boolean }) {
  const { isBusy, error, run } = useAction("Không lưu được, vui lòng thử lại.", { keepBusyOnSuccess });
  return (
    <>
      <Button loading={isBusy} disabled={isBusy} onClick={() => void run(work)}>
        Lưu
      </Button>
      <ActionError message={error} />
    </>
  );
}

const saveButton = () => screen.getByRole<HTMLButtonElement>("button", { name: "Lưu" });

describe("useAction", () => {
  it("keeps the button busy while the work runs, then ready again", async () => {
    const user = userEvent.setup();
    const answer = deferred<void>();
    render(<SaveButton work={() => answer.promise} />);
    expect(saveButton().disabled).toBe(false);
    await user.click(saveButton());
    expect(saveButton().disabled).toBe(true);
    answer.resolve();
    await expect.poll(() => saveButton().disabled).toBe(false);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the failure's own message and lets the user try again", async () => {
    const user = userEvent.setup();
    render(
      <SaveButton
        work={() => Promise.reject(new ApiError("Dữ liệu đã thay đổi, vui lòng tải lại.", 409, "conflict"))}
      />,
    );
    await user.click(saveButton());
    expect((await screen.findByRole("alert")).textContent).toBe("Dữ liệu đã thay đổi, vui lòng tải lại.");
    expect(saveButton().disabled).toBe(false);
  });

  it("says the fallback sentence when the failure has no message of its own", async () => {
    const user = userEvent.setup();
    render(<SaveButton work={() => Promise.reject({ code: -2000 })} />);
    await user.click(saveButton());
    expect((await screen.findByRole("alert")).textContent).toBe("Không lưu được, vui lòng thử lại.");
  });

  it("clears the last failure as soon as the user tries again", async () => {
    const user = userEvent.setup();
    const answers = [deferred<void>(), deferred<void>()];
    let attempt = 0;
    render(<SaveButton work={() => answers[attempt++]!.promise} />);
    await user.click(saveButton());
    answers[0]!.reject(new Error("Mạng chậm, máy chủ chưa trả lời. Vui lòng thử lại."));
    await screen.findByRole("alert");
    await user.click(saveButton());
    expect(screen.queryByRole("alert")).toBeNull();
    expect(saveButton().disabled).toBe(true);
    answers[1]!.resolve();
    await expect.poll(() => saveButton().disabled).toBe(false);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("stays busy after a success that leaves the screen, so it cannot be pressed twice", async () => {
    const user = userEvent.setup();
    let runs = 0;
    render(<SaveButton keepBusyOnSuccess work={async () => void runs++} />);
    await user.click(saveButton());
    await expect.poll(() => runs).toBe(1);
    expect(saveButton().disabled).toBe(true);
    await user.click(saveButton());
    expect(runs).toBe(1);
  });

  it("is ready again after a failure even when it keeps busy on success", async () => {
    const user = userEvent.setup();
    render(<SaveButton keepBusyOnSuccess work={() => Promise.reject(new Error("Không đăng ký được."))} />);
    await user.click(saveButton());
    expect((await screen.findByRole("alert")).textContent).toBe("Không đăng ký được.");
    expect(saveButton().disabled).toBe(false);
  });
});
