// SPDX-License-Identifier: Apache-2.0
/*
 * The project's formatter. Small on purpose: no floating point, no positional arguments.
 * Every write is bounded by the caller's buffer.
 */
#include <rampart/console.h>

struct out {
	char *buf;
	size_t len;
	size_t pos;
};

static void emit(struct out *o, char c)
{
	if (o->pos + 1 < o->len)
		o->buf[o->pos] = c;
	o->pos++;
}

struct spec {
	bool left;
	char pad;
	int width;
	int prec;
	int size;	/* 0 int, 1 long, 2 long long, 3 size_t */
};

static void emit_padded(struct out *o, const struct spec *s, const char *str, int n)
{
	int fill = s->width > n ? s->width - n : 0;

	if (!s->left)
		while (fill-- > 0)
			emit(o, s->pad);
	for (int i = 0; i < n; i++)
		emit(o, str[i]);
	if (s->left)
		while (fill-- > 0)
			emit(o, ' ');
}

static void emit_number(struct out *o, const struct spec *s, unsigned long long v,
			unsigned base, bool neg, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = sizeof(tmp);

	do {
		tmp[--n] = digits[v % base];
		v /= base;
	} while (v);
	if (neg && s->pad == '0' && s->width > 0) {
		struct spec t = *s;

		emit(o, '-');
		t.width--;
		emit_padded(o, &t, tmp + n, (int)sizeof(tmp) - n);
		return;
	}
	if (neg)
		tmp[--n] = '-';
	emit_padded(o, s, tmp + n, (int)sizeof(tmp) - n);
}

static const char *parse_spec(const char *f, struct spec *s)
{
	*s = (struct spec){ .pad = ' ', .prec = -1 };
	for (;; f++) {
		if (*f == '-')
			s->left = true;
		else if (*f == '0')
			s->pad = '0';
		else
			break;
	}
	while (*f >= '0' && *f <= '9')
		s->width = s->width * 10 + (*f++ - '0');
	if (*f == '.') {
		s->prec = 0;
		for (f++; *f >= '0' && *f <= '9'; f++)
			s->prec = s->prec * 10 + (*f - '0');
	}
	if (*f == 'z') {
		s->size = 3;
		f++;
	}
	while (*f == 'l') {
		s->size++;
		f++;
	}
	return f;
}

static unsigned long long arg_unsigned(const struct spec *s, va_list *ap)
{
	switch (s->size) {
	case 0: return va_arg(*ap, unsigned int);
	case 1: return va_arg(*ap, unsigned long);
	case 3: return va_arg(*ap, size_t);
	default: return va_arg(*ap, unsigned long long);
	}
}

static long long arg_signed(const struct spec *s, va_list *ap)
{
	switch (s->size) {
	case 0: return va_arg(*ap, int);
	case 1: return va_arg(*ap, long);
	case 3: return (long long)va_arg(*ap, size_t);
	default: return va_arg(*ap, long long);
	}
}

static void emit_string(struct out *o, const struct spec *s, const char *str)
{
	int n = 0;

	if (!str)
		str = "(null)";
	while (str[n] && (s->prec < 0 || n < s->prec))
		n++;
	emit_padded(o, s, str, n);
}

static void emit_conv(struct out *o, const struct spec *s, char c, va_list *ap)
{
	switch (c) {
	case 'd':
	case 'i': {
		long long v = arg_signed(s, ap);
		unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;

		emit_number(o, s, mag, 10, v < 0, false);
		break;
	}
	case 'u':
		emit_number(o, s, arg_unsigned(s, ap), 10, false, false);
		break;
	case 'x':
	case 'X':
		emit_number(o, s, arg_unsigned(s, ap), 16, false, c == 'X');
		break;
	case 'p':
		emit(o, '0');
		emit(o, 'x');
		emit_number(o, s, (uintptr_t)va_arg(*ap, void *), 16, false, false);
		break;
	case 's':
		emit_string(o, s, va_arg(*ap, const char *));
		break;
	case 'c':
		emit(o, (char)va_arg(*ap, int));
		break;
	default:
		emit(o, '%');
		if (c)
			emit(o, c);
		break;
	}
}

int fmt_vsnprintf(char *buf, size_t len, const char *fmt, va_list ap)
{
	struct out o = { buf, len, 0 };
	struct spec s;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			emit(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &s);
		emit_conv(&o, &s, *fmt, &args);
		if (*fmt)
			fmt++;
	}
	va_end(args);
	if (len)
		buf[o.pos < len ? o.pos : len - 1] = '\0';
	return (int)o.pos;
}

int fmt_snprintf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n;
}
