import { ItemButton } from "./item-button";

export default function ItemsPage() {
  return <ItemButton />;
}
