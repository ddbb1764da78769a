import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { DateField, TimeField } from "./date-field";

/** A form that re-renders on every keystroke (it tracks validity), as the schedule picker does. */
function Schedule({ initial = { date: "2026-11-26", time: "07:30" } }) {
  const [value, setValue] = useState(initial);
  const [validity, setValidity] = useState({ date: true, time: true });
  return (
    <>
      <DateField
        label="Ngày gửi"
        value={value.date}
        onChange={(date) => setValue({ ...value, date })}
        onValidityChange={(date) => setValidity({ ...validity, date })}
      />
      <TimeField
        label="Giờ gửi"
        value={value.time}
        onChange={(time) => setValue({ ...value, time })}
        onValidityChange={(time) => setValidity({ ...validity, time })}
      />
      <p>{`Gửi lúc ${value.time} ${value.date}`}</p>
      <button type="button" onClick={() => setValue(initial)}>
        Đặt lại
      </button>
    </>
  );
}

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

describe("DateField and TimeField", () => {
  it("keep a half-typed value while the form re-renders, and apply it once whole", async () => {
    const user = userEvent.setup();
    render(<Schedule />);
    await user.clear(field("Giờ gửi"));
    await user.type(field("Giờ gửi"), "193");
    expect(field("Giờ gửi").value).toBe("193");
    await user.type(field("Giờ gửi"), "0");
    expect(screen.getByText("Gửi lúc 19:30 2026-11-26")).toBeTruthy();
    await user.clear(field("Ngày gửi"));
    await user.type(field("Ngày gửi"), "15062027");
    expect(screen.getByText("Gửi lúc 19:30 2027-06-15")).toBeTruthy();
  });

  it("say in Vietnamese what is wrong when the field is left, and keep the last good value", async () => {
    const user = userEvent.setup();
    render(<Schedule />);
    await user.clear(field("Giờ gửi"));
    await user.type(field("Giờ gửi"), "25:00");
    await user.tab();
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Giờ không hợp lệ, nhập theo dạng 24 giờ, ví dụ 07:30 hoặc 19:00.",
    );
    expect(screen.getByText("Gửi lúc 07:30 2026-11-26")).toBeTruthy();
  });

  it("show the stored value as the ward writes it, and take a change from outside", async () => {
    const user = userEvent.setup();
    render(<Schedule />);
    expect(field("Ngày gửi").value).toBe("26/11/2026");
    expect(field("Giờ gửi").value).toBe("07:30");
    await user.clear(field("Ngày gửi"));
    await user.type(field("Ngày gửi"), "01/01/2027");
    expect(field("Ngày gửi").value).toBe("01/01/2027");
    await user.click(screen.getByRole("button", { name: "Đặt lại" }));
    expect(field("Ngày gửi").value).toBe("26/11/2026");
  });
});
