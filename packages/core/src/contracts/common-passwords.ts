/**
 * Passwords guessed first by anyone who tries: the most common ones worldwide (from public breach top lists) and
 * the Vietnamese favourites (matkhau, anhyeuem, tên cơ quan…). Compared in lower case, with and without the digits
 * and symbols people add at the end ("Password1!", "matkhau@123"), so the list stays short and ships in the repo.
 */
const WORDS = `password passw0rd pass admin administrator root qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm azerty
letmein welcome welcome1 monkey dragon master sunshine princess football baseball iloveyou trustno1 superman
batman shadow michael jennifer hello hello123 freedom whatever secret login abc abcd abcdef abcdefg abcdefgh
abc123 qwe123 qaz wsx qazwsx 1qaz2wsx zaq12wsx changeme default guest test tester testing user username
computer internet google facebook samsung apple iphone starwars pokemon charlie donald ninja mustang access
flower lovely loveyou love killer hunter ranger soccer hockey summer winter spring autumn family friends
matkhau mat khau matkhaucu anhyeuem emyeuanh yeuem yeuanh iloveu vietnam vietnam1 hanoi saigon
hochiminh khanhhoa nhatrang danang haiphong cantho conyeu tinhyeu hanhphuc thanhcong chienthang
admin@123 quantri quantri123 baocao chisodti dti chuyendoiso cds sokhcn skhcn ubnd ubndtinh vpubnd
sotttt stttt sonoivu noivu taichinh congan vanphong phongban canbo congchuc vienchuc nguyenvan tranvan
levan phamvan hoangvan huynhvan vuvan dangvan buivan dovan hovan ngovan duongvan lyvan`;

const COMMON = new Set(WORDS.split(/\s+/).filter(Boolean));

const RUNS = ["qwertyuiopasdfghjklzxcvbnm", "abcdefghijklmnopqrstuvwxyz"];

/** True for a password on the list, or a listed word, a keyboard run or one repeated letter plus digits/symbols. */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize("NFC").toLowerCase();
  const stem = lower.replace(/[^\p{L}]+$/u, "").replace(/^[^\p{L}]+/u, "");
  if (COMMON.has(lower) || COMMON.has(stem)) return true;
  if (stem.length >= 3 && RUNS.some((run) => run.includes(stem))) return true;
  return stem.length > 0 && /^(\p{L})\1*$/u.test(stem);
}
