export default function Header() { return null; }
