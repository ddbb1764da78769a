import { textLimits } from "@loa-phuong/shared/client";
import { Button } from "zmp-ui";
import { ActionError } from "../../components/outcome-message";
import { limitedFieldProps, TextLimit } from "../../components/text-limit";
import { useAction } from "../../hooks/use-action";
import { canShareCoordinates, currentCoordinates } from "../../services/zalo/location";

export interface LocationValue {
  description: string;
  coordinates: { latitude: number; longitude: number } | null;
}

/** Where it happened: words always; in a browser that allows it, the current position too. */
export function LocationField({
  value,
  onChange,
}: {
  value: LocationValue;
  onChange(next: LocationValue): void;
}) {
  const { isBusy: isLocating, error, run } = useAction("Không lấy được vị trí.");

  const locate = () =>
    run(async () => {
      onChange({ ...value, coordinates: await currentCoordinates() });
    });

  return (
    <div className="field">
      <label htmlFor="report-location">Mô tả vị trí (không bắt buộc)</label>
      <input
        id="report-location"
        value={value.description}
        placeholder="Ví dụ: đầu ngõ 12, gần nhà văn hóa tổ 3"
        {...limitedFieldProps("report-location-limit", value.description, textLimits.reportPlace)}
        onChange={(event) => onChange({ ...value, description: event.target.value })}
      />
      <TextLimit id="report-location-limit" text={value.description} limit={textLimits.reportPlace} />
      {canShareCoordinates() &&
        (value.coordinates ? (
          <p className="location-picked">
            Đã lấy vị trí hiện tại ({value.coordinates.latitude.toFixed(5)},{" "}
            {value.coordinates.longitude.toFixed(5)}).{" "}
            <Button size="small" variant="tertiary" onClick={() => onChange({ ...value, coordinates: null })}>
              Bỏ vị trí
            </Button>
          </p>
        ) : (
          <Button
            size="small"
            variant="secondary"
            loading={isLocating}
            disabled={isLocating}
            onClick={() => void locate()}
          >
            Dùng vị trí hiện tại
          </Button>
        ))}
      <ActionError message={error} />
    </div>
  );
}
