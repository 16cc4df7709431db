import { SettingsForm } from "./settings-form";
import { saveSettings } from "./actions";

// Passes the action to a client component as a prop.
export default function SettingsPage() {
  return <SettingsForm save={saveSettings} />;
}
